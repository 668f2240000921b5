import type { VisitBoard, VisitView } from '../../../../src-shared/visits/model';
import { isActive, isOverThreshold, minutesBetween } from '../../../../src-shared/visits/status';
import { i18next } from '../../i18n';

/** The server's clock moved on by however long this window has held the board. */
export function boardNow(board: VisitBoard, loadedAt: number, tick: number): number {
  return board.now + Math.max(0, tick - loadedAt);
}

/** Time in status, total time and the threshold colour, ticking on between events. */
export function liveTimes(
  visit: VisitView,
  board: VisitBoard,
  now: number,
): { inStatus: number; total: number; over: boolean } {
  if (!isActive(visit.status)) return { inStatus: visit.minutesInStatus, total: visit.totalMinutes, over: false };
  return {
    inStatus: minutesBetween(visit.statusSince, now),
    total: minutesBetween(visit.arrivedAt, now),
    over: isOverThreshold(visit.status, visit.statusSince, now, board.thresholds),
  };
}

export function minutesText(minutes: number): string {
  if (minutes < 60) return i18next.t('visits:time.min', { minutes });
  return i18next.t('visits:time.hMin', {
    minutes: Math.floor(minutes / 60),
    padStart: String(minutes % 60).padStart(2, '0'),
  });
}
