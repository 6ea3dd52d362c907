/**
 * Markers and overlays on the diagram: bpmnlint's issues (a badge at the element) and the
 * engine's deployment errors (a red outline with the engine's message under the element).
 * Overlays are built with textContent, never HTML from a model or a server answer.
 */
import type { LintIssue } from './lint';

export interface DiagramServices {
  canvas: {
    addMarker(element: string, marker: string): void;
    removeMarker(element: string, marker: string): void;
  };
  overlays: {
    add(
      element: string,
      type: string,
      overlay: { position: Record<string, number>; html: HTMLElement },
    ): string;
    remove(filter: { type: string }): void;
  };
  elementRegistry: { get(id: string): unknown };
}

const LINT_MARKERS = ['sp-lint-error', 'sp-lint-warn'];
export const DEPLOY_MARKER = 'sp-deploy-error';

/** Which markers are on which elements, to take them off again. */
export class DiagramMarkers {
  private marked = new Map<string, Set<string>>();

  constructor(private readonly services: DiagramServices) {}

  showLint(issues: readonly LintIssue[], label: (count: number) => string): void {
    this.clear(LINT_MARKERS, 'sp-lint');
    const byElement = new Map<string, LintIssue[]>();
    for (const issue of issues) {
      byElement.set(issue.elementId, [...(byElement.get(issue.elementId) ?? []), issue]);
    }
    for (const [elementId, found] of byElement) {
      if (!this.services.elementRegistry.get(elementId)) continue;
      const error = found.some((issue) => issue.category === 'error');
      this.mark(elementId, error ? 'sp-lint-error' : 'sp-lint-warn');
      const badge = document.createElement('div');
      badge.className = `sp-lint-badge ${error ? 'sp-lint-badge-error' : 'sp-lint-badge-warn'}`;
      badge.textContent = String(found.length);
      badge.title = found.map((issue) => issue.message).join('\n');
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', `${label(found.length)}: ${badge.title}`);
      this.services.overlays.add(elementId, 'sp-lint', {
        position: { top: -10, right: 10 },
        html: badge,
      });
    }
  }

  showDeploymentProblems(problems: readonly { elementId: string | null; message: string }[]): void {
    this.clear([DEPLOY_MARKER], 'sp-deploy');
    const byElement = new Map<string, string[]>();
    for (const problem of problems) {
      if (!problem.elementId || !this.services.elementRegistry.get(problem.elementId)) continue;
      byElement.set(problem.elementId, [
        ...(byElement.get(problem.elementId) ?? []),
        problem.message,
      ]);
    }
    for (const [elementId, messages] of byElement) {
      this.mark(elementId, DEPLOY_MARKER);
      const note = document.createElement('div');
      note.className = 'sp-deploy-note';
      note.setAttribute('role', 'alert');
      for (const message of messages) {
        const line = document.createElement('div');
        line.textContent = message;
        note.append(line);
      }
      this.services.overlays.add(elementId, 'sp-deploy', {
        position: { bottom: -8, left: 0 },
        html: note,
      });
    }
  }

  private mark(elementId: string, marker: string): void {
    this.services.canvas.addMarker(elementId, marker);
    const set = this.marked.get(elementId) ?? new Set<string>();
    set.add(marker);
    this.marked.set(elementId, set);
  }

  private clear(markers: readonly string[], overlayType: string): void {
    this.services.overlays.remove({ type: overlayType });
    for (const [elementId, set] of this.marked) {
      for (const marker of markers) {
        if (!set.delete(marker)) continue;
        if (this.services.elementRegistry.get(elementId)) {
          this.services.canvas.removeMarker(elementId, marker);
        }
      }
    }
  }
}
