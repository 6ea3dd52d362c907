import {
  Box,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';

/**
 * A chart with its title, and the same numbers as a table for screen readers and keyboard
 * users (inside a <details>, so sighted readers can open it too).
 */
export function ChartCard(props: {
  title: string;
  empty: boolean;
  columns: string[];
  rows: (string | number)[][];
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Card component="section" aria-label={props.title} sx={{ height: '100%' }}>
      <CardContent>
        <Typography component="h2" variant="h6" gutterBottom>
          {props.title}
        </Typography>
        {props.empty ? (
          <Typography variant="body2">{t('dashboard.empty')}</Typography>
        ) : (
          <>
            <Box role="img" aria-label={props.title} sx={{ height: 260 }}>
              {props.children}
            </Box>
            <details>
              <summary>{t('dashboard.asTable')}</summary>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    {props.columns.map((column) => (
                      <TableCell key={column}>{column}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {props.rows.map((row, index) => (
                    <TableRow key={index}>
                      {row.map((cell, column) => (
                        <TableCell key={column}>{cell}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          </>
        )}
      </CardContent>
    </Card>
  );
}
