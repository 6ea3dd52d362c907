import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import { List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useT } from '../../i18n/useT';
import type { DeploymentProblem } from '../processApi';
import type { LintIssue } from './lint';

interface Props {
  /** The engine's errors of the last deployment, all files. */
  deployment: readonly DeploymentProblem[];
  /** bpmnlint's issues of the open BPMN file. */
  lint: readonly LintIssue[];
  onSelect(resource: string | null, elementId: string): void;
}

/** The engine's deployment errors and the lint issues; choosing one selects its element. */
export function ProblemList({ deployment, lint, onSelect }: Props) {
  const t = useT();
  return (
    <section className="sp-problems" aria-labelledby="sp-problems-title">
      <Typography id="sp-problems-title" variant="subtitle2" component="h2">
        {t('designer.problems.title')}
      </Typography>
      {deployment.length === 0 && lint.length === 0 ? (
        <Typography variant="body2">{t('designer.problems.none')}</Typography>
      ) : (
        <List dense disablePadding>
          {deployment.map((problem, index) => (
            <ListItemButton
              key={`deploy-${index}`}
              data-testid="deployment-problem"
              onClick={() => problem.elementId && onSelect(problem.resource, problem.elementId)}
            >
              <ListItemIcon>
                <ErrorIcon color="error" titleAccess={t('designer.problems.engine')} />
              </ListItemIcon>
              <ListItemText
                primary={problem.message}
                secondary={`${t('designer.problems.engine')} · ${problem.resource}${problem.elementId ? ` · ${problem.elementId}` : ''}`}
              />
            </ListItemButton>
          ))}
          {lint.map((issue, index) => (
            <ListItemButton key={`lint-${index}`} onClick={() => onSelect(null, issue.elementId)}>
              <ListItemIcon>
                {issue.category === 'error' ? (
                  <ErrorIcon color="error" titleAccess={t('designer.problems.lintError')} />
                ) : (
                  <WarningIcon color="warning" titleAccess={t('designer.problems.lintWarning')} />
                )}
              </ListItemIcon>
              <ListItemText
                primary={issue.message}
                secondary={`${issue.rule} · ${issue.elementId}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </section>
  );
}
