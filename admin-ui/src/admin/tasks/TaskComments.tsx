import { Box, Button, List, ListItem, ListItemText, TextField } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useLocaleState, useNotify } from 'react-admin';
import { apiFetch } from '../api/apiFetch';
import { useT } from '../i18n/useT';

interface Comment {
  id: string;
  author: { name: string };
  body: string;
  createdAt: string;
}

/** Staff comments on the task, oldest first, and a field to add one. */
export function TaskComments({ taskId }: { taskId: string }) {
  const t = useT();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [comments, setComments] = useState<Comment[]>([]);
  const [body, setBody] = useState('');
  const path = `/api/tasks/${encodeURIComponent(taskId)}/comments`;

  const load = useCallback(() => {
    apiFetch<Comment[]>(path)
      .then(({ json }) => setComments(json))
      .catch(() => setComments([]));
  }, [path]);
  useEffect(load, [load]);

  const add = async () => {
    try {
      await apiFetch(path, { method: 'POST', body: { body } });
      setBody('');
      load();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box>
      <List dense>
        {comments.map((comment) => (
          <ListItem key={comment.id} disableGutters>
            <ListItemText
              primary={comment.body}
              secondary={`${comment.author.name}, ${new Date(comment.createdAt).toLocaleString(locale)}`}
            />
          </ListItem>
        ))}
      </List>
      <TextField
        fullWidth
        multiline
        minRows={2}
        id="task-comment"
        label={t('resources.tasks.comments.new')}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <Button sx={{ mt: 1 }} disabled={!body.trim()} onClick={() => void add()}>
        {t('resources.tasks.comments.add')}
      </Button>
    </Box>
  );
}
