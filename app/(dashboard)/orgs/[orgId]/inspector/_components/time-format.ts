'use client';
import { useEffect, useState } from 'react';

// Times of a token in the reader's own time zone, relative to now, and a ticking clock.

const absolute = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });

export function localTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'not a date' : absolute.format(date);
}

function span(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 172_800) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.round(s / 86_400)} days`;
}

/** "in 4 min 12 s" / "3 min 5 s ago". */
export function relativeTime(seconds: number, nowMs: number): string {
  const delta = seconds - nowMs / 1000;
  if (!Number.isFinite(delta)) return '';
  return delta >= 0 ? `in ${span(delta)}` : `${span(delta)} ago`;
}

/** 4:05 or 1:02:03 (hours when needed). */
export function countdown(remainingSeconds: number): string {
  const s = Math.max(0, Math.floor(remainingSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The current time, updated every second while mounted. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
