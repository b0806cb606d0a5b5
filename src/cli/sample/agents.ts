// The sample shop's 30 agents: who they are, which skills they hold and which shifts they may
// work (RO-2, RO-5, RO-6), and the shift templates of its roster.
import type { RosterAgent, ShiftTemplate } from '../../roster/index.ts';

/** A sample agent: the roster's agent plus a display name. */
export interface SampleAgent extends RosterAgent {
  /** The agent's name as the team writes it. */
  readonly name: string;
  /** The team the agent belongs to, for the KPI group board. */
  readonly team: string;
}

/** Shift templates: overlapping day shifts (RO-4), a late shift past midnight and the launch night (RO-1, RO-7). */
export const SAMPLE_SHIFTS: readonly ShiftTemplate[] = [
  { id: 'early', start: '08:00', hours: 9 },
  { id: 'mid', start: '12:00', hours: 9 },
  { id: 'late', start: '16:00', hours: 9 },
  { id: 'night', start: '23:00', hours: 8 },
  { id: 'eve4', start: '18:00', hours: 4 },
];

const presaleFull = (id: string, name: string, team: string, extra: Partial<RosterAgent> = {}): SampleAgent => ({
  id,
  name,
  team,
  skills: ['presale'],
  kind: 'fulltime',
  allowedShifts: ['early', 'mid', 'late', 'night'],
  ...extra,
});
const senior = (id: string, name: string, team: string, extra: Partial<RosterAgent> = {}): SampleAgent => ({
  id,
  name,
  team,
  skills: ['presale', 'aftersale'],
  kind: 'fulltime',
  allowedShifts: ['early', 'mid', 'late', 'night'],
  ...extra,
});
const aftersale = (id: string, name: string, team: string, extra: Partial<RosterAgent> = {}): SampleAgent => ({
  id,
  name,
  team,
  skills: ['aftersale'],
  kind: 'fulltime',
  allowedShifts: ['early', 'mid'],
  ...extra,
});
const temp = (id: string, name: string, kind: 'parttime' | 'student', extra: Partial<RosterAgent> = {}): SampleAgent => ({
  id,
  name,
  team: 'C',
  skills: ['presale'],
  kind,
  allowedShifts: ['eve4'],
  maxDaysPer7Days: kind === 'student' ? 4 : 6,
  ...extra,
});

/**
 * The team: 12 presale full-timers, 6 seniors who back up either queue, 6 aftersale specialists
 * on day shifts, 3 part-timers and 3 students on the four-hour evening shift (RO-6). Two leaves
 * were approved before the freeze, one student has an exam, one agent asked for 11.12 off.
 */
export const SAMPLE_AGENTS: readonly SampleAgent[] = [
  presaleFull('wangfang', '王芳', 'A'),
  presaleFull('lina', '李娜', 'A'),
  presaleFull('zhangwei', '张伟', 'A'),
  presaleFull('liuyang', '刘洋', 'A'),
  presaleFull('chenjing', '陈静', 'A', { unavailable: [{ date: '2026-11-05' }, { date: '2026-11-06' }] }),
  presaleFull('yangfan', '杨帆', 'A'),
  presaleFull('zhaolei', '赵磊', 'B'),
  presaleFull('huangli', '黄丽', 'B', { requests: [{ date: '2026-11-12', off: true }] }),
  presaleFull('zhoujie', '周杰', 'B'),
  presaleFull('wuxia', '吴霞', 'B'),
  presaleFull('xuming', '徐明', 'B'),
  presaleFull('sunting', '孙婷', 'B'),
  senior('mali', '马丽', 'A'),
  senior('zhuhong', '朱红', 'A'),
  senior('huqiang', '胡强', 'A'),
  senior('guoyan', '郭燕', 'B'),
  senior('linfeng', '林峰', 'B', { unavailable: [{ date: '2026-11-17' }, { date: '2026-11-18' }] }),
  senior('heping', '何平', 'B'),
  aftersale('gaomin', '高敏', 'A'),
  aftersale('luojun', '罗军', 'A'),
  aftersale('liangyu', '梁宇', 'A'),
  aftersale('songjia', '宋佳', 'B'),
  aftersale('zhengkai', '郑凯', 'B'),
  aftersale('xiehui', '谢慧', 'B'),
  temp('hanxue', '韩雪', 'parttime'),
  temp('tangqi', '唐琪', 'parttime'),
  temp('fengyi', '冯毅', 'parttime'),
  temp('dengxin', '邓欣', 'student', { unavailable: [{ date: '2026-11-09', from: '14:00', to: '22:00' }] }),
  temp('caolu', '曹璐', 'student'),
  temp('pengbo', '彭博', 'student'),
];

/** Agent id → display name. */
export const AGENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(SAMPLE_AGENTS.map((a) => [a.id, a.name]));
