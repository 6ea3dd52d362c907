/**
 * Builds the admin-ui on first start when its dist/ is missing, in the background, so the API
 * and /health answer at once while the pages say they are being built.
 */
import { spawn } from 'node:child_process';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { hasBuild, type AdminUiBuild } from './adminUi';

export function startAdminUiBuild(
  config: Pick<Config, 'adminUiDist' | 'repositoryRoot' | 'env'>,
  logger: Logger,
): AdminUiBuild {
  let ready = hasBuild(config.adminUiDist);
  if (!ready && config.env !== 'test') {
    logger.info('admin-ui build missing: building it now (npm run build)');
    const child = spawn('npm', ['run', 'build', '--workspace', 'admin-ui'], {
      cwd: config.repositoryRoot,
      stdio: 'ignore',
    });
    child.on('exit', (code) => {
      ready = hasBuild(config.adminUiDist);
      if (ready) logger.info('admin-ui built');
      else logger.error({ code }, 'admin-ui build failed: run `npm run build` to see why');
    });
    child.on('error', (err) => logger.error({ err }, 'could not start the admin-ui build'));
  }
  return { ready: () => ready };
}
