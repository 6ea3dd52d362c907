import './designer.css';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Chip,
  LinearProgress,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Confirm,
  Link,
  Loading,
  Title,
  useCreatePath,
  useGetOne,
  useNotify,
  useRedirect,
} from 'react-admin';
import { useParams } from 'react-router';
import { useLocaleText } from '../localeText';
import { useT } from '../../i18n/useT';
import {
  deploymentProblems,
  deployDraft,
  discardDraft,
  fetchChanges,
  fetchModel,
  saveDraft,
  type DeploymentProblem,
  type DraftChanges,
  type ProcessFile,
  type ProcessModel,
} from '../processApi';
import { BpmnEditor, type BpmnEditorHandle } from './BpmnEditor';
import { DeployDialog } from './DeployDialog';
import { FormEditor, type FormEditorHandle } from './FormEditor';
import type { LintIssue } from './lint';
import { ProblemList } from './ProblemList';

type Handle = BpmnEditorHandle | FormEditorHandle;

/**
 * The designer of one service (the processes resource's edit page): its BPMN files in bpmn-js
 * and its forms in form-js, linted as the Camunda Modeler does, saved as the designer's
 * draft, deployed with a comment after reading what changed; the engine's errors are shown at
 * the elements they name.
 */
export function ProcessDesigner() {
  const { id = '' } = useParams<{ id: string }>();
  const t = useT();
  const text = useLocaleText();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const { data: service } = useGetOne<{ id: string; title: { de: string; en: string } }>(
    'processes',
    { id },
  );
  const [generation, setGeneration] = useState(0);
  const [model, setModel] = useState<ProcessModel | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [lint, setLint] = useState<Record<string, LintIssue[]>>({});
  const [problems, setProblems] = useState<DeploymentProblem[]>([]);
  const [changes, setChanges] = useState<DraftChanges | null>(null);
  const [busy, setBusy] = useState<'saving' | 'deploying' | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const handles = useRef(new Map<string, Handle>());

  useEffect(() => {
    let current = true;
    setModel(null);
    fetchModel(id)
      .then((loaded) => {
        if (!current) return;
        setModel(loaded);
        setRevision(loaded.revision);
        setDirty(new Set());
        setProblems([]);
        setActive(0);
      })
      .catch((error: Error) => current && setLoadError(error.message));
    return () => {
      current = false;
    };
  }, [id, generation]);

  const files: ProcessFile[] = (model?.resources ?? []).filter((file) => file.kind !== 'decision');
  const activeFile = files[active];

  useEffect(() => {
    if (activeFile?.kind !== 'process') return;
    (handles.current.get(activeFile.name) as BpmnEditorHandle | undefined)?.resized();
  }, [activeFile]);

  const markDirty = (name: string) =>
    setDirty((before) => (before.has(name) ? before : new Set(before).add(name)));

  /** Saves the BPMN files and the changed forms; the new revision, undefined on failure. */
  const save = async (): Promise<number | undefined> => {
    setBusy('saving');
    try {
      const contents: { name: string; content: string }[] = [];
      for (const file of files) {
        const handle = handles.current.get(file.name);
        if (!handle) continue;
        if ('saveXml' in handle)
          contents.push({ name: file.name, content: await handle.saveXml() });
        else if (dirty.has(file.name))
          contents.push({ name: file.name, content: handle.saveJson() });
      }
      const saved = await saveDraft(id, revision, contents);
      setRevision(saved.revision);
      setDirty(new Set());
      return saved.revision;
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const onSave = async () => {
    if ((await save()) !== undefined) notify('designer.saved', { type: 'success' });
  };

  const onDeployClick = async () => {
    if ((await save()) === undefined) return;
    try {
      setChanges(await fetchChanges(id));
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const showProblems = (found: DeploymentProblem[]) => {
    setProblems(found);
    for (const file of files) {
      const handle = handles.current.get(file.name);
      if (handle && 'showDeploymentProblems' in handle) {
        handle.showDeploymentProblems(found.filter((problem) => problem.resource === file.name));
      }
    }
  };

  const onDeploy = async (comment: string, overwrite: boolean) => {
    setBusy('deploying');
    try {
      const version = await deployDraft(id, { comment, revision, overwrite });
      setChanges(null);
      notify('designer.deploy.done', {
        type: 'success',
        messageArgs: { version: version.version },
      });
      redirect('show', 'processes', id);
    } catch (error) {
      setChanges(null);
      const found = deploymentProblems(error);
      if (found) {
        showProblems(found);
        const first = found.find((problem) => problem.elementId);
        if (first) select(first.resource, first.elementId!);
        notify('designer.deploy.rejected', {
          type: 'error',
          messageArgs: { smart_count: found.length },
        });
      } else {
        notify((error as Error).message, { type: 'error' });
      }
    } finally {
      setBusy(null);
    }
  };

  const onDiscard = async () => {
    setConfirmDiscard(false);
    try {
      await discardDraft(id);
      notify('designer.discarded', { type: 'info' });
      setGeneration((value) => value + 1);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const select = (resource: string | null, elementId: string) => {
    const index = resource ? files.findIndex((file) => file.name === resource) : active;
    if (index < 0) return;
    setActive(index);
    const handle = handles.current.get(files[index]!.name);
    if (handle && 'select' in handle) handle.select(elementId);
  };

  if (loadError) return <Alert severity="error">{loadError}</Alert>;
  if (!model) return <Loading />;

  const activeLint = activeFile ? (lint[activeFile.name] ?? []) : [];
  const errors = activeLint.filter((issue) => issue.category === 'error').length;
  const warnings = activeLint.length - errors;
  const title = service ? text(service.title) : id;

  return (
    <Box className="sp-designer" component="section" aria-labelledby="sp-designer-title">
      <Title title={t('designer.pageTitle', { name: title })} />
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Button
          component={Link}
          to={createPath({ resource: 'processes', id, type: 'show' })}
          startIcon={<ArrowBackIcon />}
        >
          {t('designer.back')}
        </Button>
        <Typography id="sp-designer-title" variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('designer.pageTitle', { name: title })}
        </Typography>
        <Typography variant="body2" data-testid="draft-state">
          {revision > 0 ? t('designer.draftRevision', { revision }) : t('designer.noDraft')}
          {dirty.size > 0 ? ` · ${t('designer.unsaved')}` : ''}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<SaveIcon />}
          onClick={onSave}
          disabled={busy !== null}
        >
          {t('designer.save')}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<DeleteIcon />}
          onClick={() => setConfirmDiscard(true)}
          disabled={busy !== null || revision === 0}
        >
          {t('designer.discard')}
        </Button>
        <Button
          variant="contained"
          startIcon={<CloudUploadIcon />}
          onClick={onDeployClick}
          disabled={busy !== null}
        >
          {t('designer.deploy.open')}
        </Button>
      </Stack>
      {busy === 'saving' && <LinearProgress aria-label={t('designer.saving')} />}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Tabs
          value={active}
          onChange={(_event, index: number) => setActive(index)}
          aria-label={t('designer.filesLabel')}
          variant="scrollable"
          sx={{ flexGrow: 1 }}
        >
          {files.map((file, index) => (
            <Tab
              key={file.name}
              id={`sp-file-tab-${index}`}
              aria-controls={`sp-file-panel-${index}`}
              label={`${file.name}${dirty.has(file.name) ? ' •' : ''}`}
            />
          ))}
        </Tabs>
        {activeFile?.kind === 'process' && (
          <Stack direction="row" spacing={1} aria-live="polite" data-testid="lint-summary">
            <Chip
              size="small"
              color={errors ? 'error' : 'success'}
              label={t('designer.lint.errors', { smart_count: errors })}
            />
            <Chip
              size="small"
              color={warnings ? 'warning' : 'default'}
              label={t('designer.lint.warnings', { smart_count: warnings })}
            />
          </Stack>
        )}
      </Stack>
      {files.map((file, index) => (
        <div
          key={`${generation}-${file.name}`}
          role="tabpanel"
          id={`sp-file-panel-${index}`}
          aria-labelledby={`sp-file-tab-${index}`}
          hidden={index !== active}
          className="sp-file-panel"
        >
          {file.kind === 'process' ? (
            <BpmnEditor
              ref={(handle) => {
                if (handle) handles.current.set(file.name, handle);
                else handles.current.delete(file.name);
              }}
              xml={file.content}
              name={file.name}
              onChange={() => markDirty(file.name)}
              onLint={(issues) => setLint((before) => ({ ...before, [file.name]: issues }))}
            />
          ) : (
            <FormEditor
              ref={(handle) => {
                if (handle) handles.current.set(file.name, handle);
                else handles.current.delete(file.name);
              }}
              json={file.content}
              name={file.name}
              onChange={() => markDirty(file.name)}
            />
          )}
        </div>
      ))}
      <ProblemList
        deployment={problems}
        lint={activeFile?.kind === 'process' ? activeLint : []}
        onSelect={select}
      />
      {changes && (
        <DeployDialog
          changes={changes}
          deploying={busy === 'deploying'}
          onCancel={() => setChanges(null)}
          onDeploy={onDeploy}
        />
      )}
      <Confirm
        isOpen={confirmDiscard}
        title="designer.discardConfirm.title"
        content="designer.discardConfirm.content"
        onConfirm={onDiscard}
        onClose={() => setConfirmDiscard(false)}
      />
    </Box>
  );
}
