import type { Logger } from 'pino';
import { RoomVisibility, Seniority, SKILLS_BY_TOPIC } from '@roundtable/domain';

import { type AuthenticatedViewer, signDevelopmentToken } from '../auth/authenticator';
import { grantStaffRole, TRUST_SAFETY_ROLE } from '../staff/staff-roles';
import type { Database } from '../database/orm';
import { ProfileEntity } from '../profiles/profile.entity';
import type { Services } from '../server/services';

export interface SeedSummary {
  readonly profiles: number;
  readonly groups: number;
  readonly rooms: number;
}

interface DemoPerson {
  id: string;
  name: string;
  headline: string;
  company: string;
  industry: string;
  seniority: Seniority;
  topics: string[];
}

const PEOPLE: DemoPerson[] = [
  { id: 'demo-ada', name: 'Ada Lovelace', headline: 'Principal Engineer', company: 'Analytical Engines', industry: 'software', seniority: Seniority.Lead, topics: ['software-engineering', 'cloud-infrastructure', 'machine-learning'] },
  { id: 'demo-grace', name: 'Grace Hopper', headline: 'VP Engineering', company: 'Compiler Co', industry: 'software', seniority: Seniority.Executive, topics: ['leadership', 'software-engineering', 'devops'] },
  { id: 'demo-alan', name: 'Alan Turing', headline: 'Research Scientist', company: 'Bletchley Labs', industry: 'software', seniority: Seniority.Senior, topics: ['machine-learning', 'data-engineering', 'cybersecurity'] },
  { id: 'demo-katherine', name: 'Katherine Johnson', headline: 'Data Science Manager', company: 'Orbital Analytics', industry: 'aerospace-and-defense', seniority: Seniority.Manager, topics: ['machine-learning', 'data-engineering', 'leadership'] },
  { id: 'demo-linus', name: 'Linus Kern', headline: 'Staff SRE', company: 'Penguin Cloud', industry: 'software', seniority: Seniority.Lead, topics: ['cloud-infrastructure', 'devops', 'backend-development'] },
  { id: 'demo-margaret', name: 'Margaret Hamilton', headline: 'Director of Software Quality', company: 'Apollo Systems', industry: 'aerospace-and-defense', seniority: Seniority.Director, topics: ['software-engineering', 'leadership', 'cybersecurity'] },
  { id: 'demo-priya', name: 'Priya Raman', headline: 'Senior Product Manager', company: 'Ledgerly', industry: 'financial-services', seniority: Seniority.Senior, topics: ['product-management', 'fintech', 'startups'] },
  { id: 'demo-diego', name: 'Diego Alvarez', headline: 'Product Designer', company: 'Pixel Forge', industry: 'software', seniority: Seniority.Mid, topics: ['design', 'product-management', 'frontend-development'] },
  { id: 'demo-mei', name: 'Mei Chen', headline: 'Head of Growth', company: 'Shoply', industry: 'retail', seniority: Seniority.Director, topics: ['marketing', 'sales', 'startups'] },
  { id: 'demo-oluwaseun', name: 'Oluwaseun Adeyemi', headline: 'Account Executive', company: 'CloudScale', industry: 'software', seniority: Seniority.Mid, topics: ['sales', 'career-growth', 'cloud-infrastructure'] },
  { id: 'demo-sofia', name: 'Sofia Rossi', headline: 'CFO', company: 'Verde Energy', industry: 'energy', seniority: Seniority.Executive, topics: ['finance', 'climate-tech', 'leadership'] },
  { id: 'demo-jamal', name: 'Jamal Wright', headline: 'Talent Partner', company: 'PeopleFirst', industry: 'staffing-and-recruiting', seniority: Seniority.Senior, topics: ['human-resources', 'career-growth', 'leadership'] },
  { id: 'demo-hana', name: 'Hana Sato', headline: 'Frontend Engineer', company: 'Pixel Forge', industry: 'software', seniority: Seniority.Mid, topics: ['frontend-development', 'design', 'software-engineering'] },
  { id: 'demo-lars', name: 'Lars Nilsson', headline: 'ML Engineer', company: 'Nordic AI', industry: 'software', seniority: Seniority.Senior, topics: ['machine-learning', 'backend-development', 'data-engineering'] },
  { id: 'demo-amara', name: 'Amara Okafor', headline: 'Security Architect', company: 'SafeBank', industry: 'financial-services', seniority: Seniority.Lead, topics: ['cybersecurity', 'cloud-infrastructure', 'fintech'] },
  { id: 'demo-tom', name: 'Tom Becker', headline: 'Junior Developer', company: 'Startly', industry: 'software', seniority: Seniority.Entry, topics: ['software-engineering', 'career-growth', 'frontend-development'] },
  { id: 'demo-nora', name: 'Nora Haddad', headline: 'Founder & CEO', company: 'MedLoop', industry: 'healthcare', seniority: Seniority.Executive, topics: ['startups', 'venture-capital', 'healthcare-innovation'] },
  { id: 'demo-ivan', name: 'Ivan Petrov', headline: 'Partner', company: 'Northstar Ventures', industry: 'financial-services', seniority: Seniority.Executive, topics: ['venture-capital', 'startups', 'finance'] },
  { id: 'demo-zoe', name: 'Zoe Martin', headline: 'Content Marketing Lead', company: 'Shoply', industry: 'retail', seniority: Seniority.Lead, topics: ['marketing', 'design', 'career-growth'] },
  { id: 'demo-ken', name: 'Ken Watanabe', headline: 'Platform Engineer', company: 'Penguin Cloud', industry: 'software', seniority: Seniority.Mid, topics: ['cloud-infrastructure', 'devops', 'backend-development'] },
];

const STAFF: DemoPerson = {
  id: 'demo-trust-safety',
  name: 'Tess Safety',
  headline: 'Trust & Safety Specialist',
  company: 'Roundtable',
  industry: 'software',
  seniority: Seniority.Senior,
  topics: ['career-growth'],
};

interface DemoRoom {
  host: string;
  title: string;
  description: string;
  topics: string[];
  stage: string[];
  audience: string[];
  hands?: { who: string; question: string }[];
  group?: string;
  startsInMinutes?: number;
}

const GROUPS = [
  { key: 'platform', name: 'Platform guild', description: 'Infrastructure, SRE and developer platforms.', members: ['demo-linus', 'demo-ken', 'demo-ada', 'demo-amara', 'demo-grace'] },
  { key: 'ml', name: 'Applied ML circle', description: 'Practitioners shipping machine learning to production.', members: ['demo-lars', 'demo-alan', 'demo-katherine', 'demo-ada'] },
  { key: 'founders', name: 'Founders club', description: 'Early-stage founders and the people who back them.', members: ['demo-nora', 'demo-ivan', 'demo-priya', 'demo-mei'] },
];

const ROOMS: DemoRoom[] = [
  { host: 'demo-linus', title: 'Kubernetes upgrades without downtime', description: 'War stories and checklists from teams running hundreds of clusters.', topics: ['cloud-infrastructure', 'devops'], stage: ['demo-ken', 'demo-ada'], audience: ['demo-amara', 'demo-tom', 'demo-grace', 'demo-lars', 'demo-oluwaseun'], hands: [{ who: 'demo-tom', question: 'How do you test upgrades before production?' }] },
  { host: 'demo-katherine', title: 'From notebook to production ML', description: 'What it takes to ship and monitor models.', topics: ['machine-learning', 'data-engineering'], stage: ['demo-lars', 'demo-alan'], audience: ['demo-ada', 'demo-hana', 'demo-priya', 'demo-tom'], hands: [{ who: 'demo-priya', question: 'How do PMs scope ML features?' }] },
  { host: 'demo-priya', title: 'Roadmaps that survive contact with reality', description: 'Product managers on prioritisation.', topics: ['product-management', 'leadership'], stage: ['demo-diego'], audience: ['demo-mei', 'demo-zoe', 'demo-jamal'] },
  { host: 'demo-sofia', title: 'Financing the energy transition', description: 'CFOs and investors on climate capital.', topics: ['finance', 'climate-tech'], stage: ['demo-ivan'], audience: ['demo-nora', 'demo-margaret'] },
  { host: 'demo-jamal', title: 'Breaking into tech: career Q&A', description: 'Open mic for early-career questions.', topics: ['career-growth', 'human-resources'], stage: ['demo-grace'], audience: ['demo-tom', 'demo-oluwaseun', 'demo-hana', 'demo-zoe', 'demo-diego'], hands: [{ who: 'demo-oluwaseun', question: 'Moving from sales into product: where to start?' }] },
  { host: 'demo-ken', title: 'Platform guild weekly', description: 'Members-only sync of the platform guild.', topics: ['cloud-infrastructure', 'devops'], stage: ['demo-linus'], audience: ['demo-amara'], group: 'platform' },
  { host: 'demo-nora', title: 'Pitch practice: healthcare startups', description: 'Founders pitch, investors react.', topics: ['startups', 'venture-capital', 'healthcare-innovation'], stage: [], audience: [], startsInMinutes: 90 },
  { host: 'demo-amara', title: 'Zero trust for banks', description: 'Security architecture in regulated industries.', topics: ['cybersecurity', 'fintech'], stage: [], audience: [], startsInMinutes: 24 * 60 },
  { host: 'demo-lars', title: 'Applied ML circle: paper club', description: 'This week: evaluation of ranking models.', topics: ['machine-learning'], stage: [], audience: [], group: 'ml', startsInMinutes: 180 },
];

function skillsFor(topics: readonly string[], count: number): string[] {
  const skills = topics.flatMap((topic) => SKILLS_BY_TOPIC[topic] ?? []);
  return [...new Set(skills)].slice(0, count);
}

const viewerOf = (person: DemoPerson, isStaff = false): AuthenticatedViewer => ({
  profileId: person.id,
  name: person.name,
  isStaff,
});

/**
 * Seeds an empty database with demo profiles, follows, groups and live and scheduled rooms with
 * people on stage and in the audience, through the same services the API uses. Does nothing
 * when any profile exists.
 */
export async function seedDemoData(db: Database, services: Services, logger: Logger): Promise<SeedSummary | null> {
  const em = db.orm.em.fork();
  if ((await em.count(ProfileEntity, {})) > 0) return null;
  logger.info('empty database: seeding demo data');

  for (const person of [...PEOPLE, STAFF]) {
    const viewer = viewerOf(person, person === STAFF);
    await services.profiles.ensureProfile(em, viewer);
    await services.profiles.updateViewerProfile(em.fork(), viewer, {
      headline: `${person.headline} at ${person.company}`,
      company: person.company,
      industry: person.industry,
      seniority: person.seniority,
      skills: skillsFor(person.topics, 6),
      interests: person.topics,
    });
  }
  // Everyone follows the hosts of topics they care about; a small, realistic graph.
  for (const person of PEOPLE) {
    for (const other of PEOPLE) {
      if (other !== person && other.topics[0] && person.topics.includes(other.topics[0]) && other.id < person.id) {
        await services.profiles.follow(em.fork(), viewerOf(person), other.id);
      }
    }
  }
  const groupIds = new Map<string, string>();
  for (const group of GROUPS) {
    const [owner, ...members] = group.members;
    const creator = PEOPLE.find((p) => p.id === owner);
    if (!creator) continue;
    const created = await services.groups.createGroup(em.fork(), viewerOf(creator), { name: group.name, description: group.description });
    groupIds.set(group.key, created.id);
    for (const member of members) {
      const person = PEOPLE.find((p) => p.id === member);
      if (person) await services.groups.joinGroup(em.fork(), viewerOf(person), created.id);
    }
  }

  const personById = new Map(PEOPLE.map((p) => [p.id, p]));
  const viewer = (id: string) => viewerOf(personById.get(id) as DemoPerson);
  for (const demo of ROOMS) {
    const groupId = demo.group ? groupIds.get(demo.group) ?? null : null;
    const room = await services.roomCreation.createRoom(em.fork(), viewer(demo.host), {
      title: demo.title,
      description: demo.description,
      topics: demo.topics,
      visibility: groupId ? RoomVisibility.Group : RoomVisibility.Public,
      groupId,
      maxSpeakers: 8,
      scheduledFor: demo.startsInMinutes ? new Date(Date.now() + demo.startsInMinutes * 60_000) : null,
    });
    if (demo.startsInMinutes) continue;
    for (const id of [...demo.stage, ...demo.audience]) {
      await services.roomCommands.handleCommand(em.fork(), viewer(id), room.id, { type: 'JoinRoom', actorId: id });
    }
    for (const id of demo.stage) {
      await services.roomCommands.handleCommand(em.fork(), viewer(demo.host), room.id, { type: 'InviteToStage', actorId: demo.host, targetId: id });
      await services.roomCommands.handleCommand(em.fork(), viewer(id), room.id, { type: 'AcceptStageInvite', actorId: id });
    }
    for (const hand of demo.hands ?? []) {
      await services.roomCommands.handleCommand(em.fork(), viewer(hand.who), room.id, { type: 'RaiseHand', actorId: hand.who, question: hand.question });
    }
  }

  const summary = { profiles: PEOPLE.length + 1, groups: GROUPS.length, rooms: ROOMS.length };
  logger.info(summary, 'demo data seeded');
  return summary;
}

/** What a demo profile does in the seeded rooms, for the one-click sign-in list. */
export type DemoProfileRole = 'host' | 'speaker' | 'listener' | 'staff' | 'member';

export interface DemoProfileSignIn {
  readonly id: string;
  readonly displayName: string;
  readonly headline: string | null;
  readonly role: DemoProfileRole;
  /** A fresh development bearer token (HS256, AUTH_JWT_SECRET) for this profile. */
  readonly token: string;
}

function roleOf(person: DemoPerson): DemoProfileRole {
  if (person === STAFF) return 'staff';
  const live = ROOMS.filter((room) => !room.startsInMinutes);
  if (live.some((room) => room.host === person.id)) return 'host';
  if (live.some((room) => room.stage.includes(person.id))) return 'speaker';
  if (live.some((room) => room.audience.includes(person.id))) return 'listener';
  return 'member';
}

/** The profiles the start-up banner offers a token for: one of each kind worth trying. */
const BANNER_PROFILES: readonly (readonly [string, string])[] = [
  ['demo-linus', 'host of a live room'],
  ['demo-ada', 'speaker on a live stage'],
  ['demo-tom', 'listener with a raised hand'],
  [STAFF.id, 'trust & safety staff'],
];

/**
 * Fresh development tokens for the seeded demo profiles that exist in the database (in seed
 * order), so every development start and the web client's one-click sign-in can offer them,
 * not only the start that seeded. Profiles a user deleted or never seeded are left out.
 *
 * @param expiresIn lifetime of each token, in jose's notation ("12h", "30d").
 */
export async function signDemoProfileTokens(
  db: Database,
  jwtSecret: string,
  expiresIn = '12h',
  /** The staff profile's token lifetime: staff rights need one no longer than AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS. */
  staffExpiresIn = expiresIn,
): Promise<DemoProfileSignIn[]> {
  const people = [...PEOPLE, STAFF];
  const rows = await db.orm.em.fork().find(ProfileEntity, { id: { $in: people.map((person) => person.id) } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const signIns: DemoProfileSignIn[] = [];
  for (const person of people) {
    const row = byId.get(person.id);
    if (!row) continue;
    // The claim only labels the token: the role itself is granted in staff_roles (grantDemoStaffRole).
    const roles = person === STAFF ? [TRUST_SAFETY_ROLE] : [];
    signIns.push({
      id: row.id,
      displayName: row.displayName,
      headline: row.headline,
      role: roleOf(person),
      token: await signDevelopmentToken(jwtSecret, { sub: row.id, name: row.displayName, roles }, person === STAFF ? staffExpiresIn : expiresIn),
    });
  }
  return signIns;
}

/**
 * Grants the demo staff profile its trust_safety role in the staff record (idempotent; on every
 * development start, so databases seeded before the record existed get it too).
 */
export async function grantDemoStaffRole(db: Database): Promise<void> {
  await grantStaffRole(db.orm.em.fork(), { profileId: STAFF.id, role: TRUST_SAFETY_ROLE, grantedBy: 'demo-seed' });
}

/**
 * Tokens for the start-up banner: a few demo profiles with what they do, valid for 30 days (the
 * staff profile's for `maxStaffTokenLifetimeSeconds`, so it carries its staff rights).
 */
export async function demoBannerTokens(db: Database, jwtSecret: string, maxStaffTokenLifetimeSeconds: number): Promise<{ name: string; role: string; token: string }[]> {
  const signIns = new Map((await signDemoProfileTokens(db, jwtSecret, '30d', `${maxStaffTokenLifetimeSeconds}s`)).map((signIn) => [signIn.id, signIn]));
  return BANNER_PROFILES.flatMap(([id, role]) => {
    const signIn = signIns.get(id);
    return signIn ? [{ name: signIn.displayName, role, token: signIn.token }] : [];
  });
}
