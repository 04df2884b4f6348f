import { describe, expect, it } from 'vitest';
import { authPath, invitationTokenOf, redirectFor, routeAccess, safeNextPath, workshopGuestRedirect } from './route-access';

const at = (url: string) => {
  const parsed = new URL(url, 'https://ensemble.example.org');
  return { pathname: parsed.pathname, search: parsed.search };
};

describe('routeAccess', () => {
  it('leaves login and sign-up to visitors, invitations to anyone, the rest to members', () => {
    expect(routeAccess('/login')).toBe('guest');
    expect(routeAccess('/signup')).toBe('guest');
    expect(routeAccess('/join/abc')).toBe('public');
    expect(routeAccess('/')).toBe('member');
    expect(routeAccess('/p/x')).toBe('member');
    expect(routeAccess('/nowhere')).toBe('member');
  });

  it('lets anyone join a workshop as a guest', () => {
    expect(routeAccess('/w/join')).toBe('public');
    expect(routeAccess('/w/join/ABC234')).toBe('public');
    expect(routeAccess('/w/joined')).toBe('member');
  });
});

describe('workshopGuestRedirect', () => {
  it('keeps a workshop’s guest in their workshop', () => {
    expect(workshopGuestRedirect('/', 'w1')).toBe('/d/w1');
    expect(workshopGuestRedirect('/p/project', 'w1')).toBe('/d/w1');
    expect(workshopGuestRedirect('/d/other', 'w1')).toBe('/d/w1');
    expect(workshopGuestRedirect('/profile', 'w1')).toBe('/d/w1');
  });

  it('lets them be in the room and on the public pages, and leaves members alone', () => {
    expect(workshopGuestRedirect('/d/w1', 'w1')).toBeNull();
    expect(workshopGuestRedirect('/w/join/ABC234', 'w1')).toBeNull();
    expect(workshopGuestRedirect('/p/project', null)).toBeNull();
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/p/abc?tab=members', '/p/abc?tab=members'],
    ['/d/xyz', '/d/xyz'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example', '/'],
    ['//evil.example/p', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/p/1', '/'],
    ['/signup', '/'],
    [['/p/a', '/p/b'], '/'],
  ])('%j → %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});

describe('authPath', () => {
  it('carries where to come back to, unless it is the projects page', () => {
    expect(authPath('/login', '/d/a b')).toBe('/login?next=%2Fd%2Fa%20b');
    expect(authPath('/signup', '/join/tok')).toBe('/signup?next=%2Fjoin%2Ftok');
    expect(authPath('/login', '/')).toBe('/login');
  });
});

describe('redirectFor', () => {
  it('sends logged-out visitors of a member page to log in, and back afterwards', () => {
    expect(redirectFor(at('/p/abc?x=1'), 'signed-out')).toBe('/login?next=%2Fp%2Fabc%3Fx%3D1');
    expect(redirectFor(at('/'), 'signed-out')).toBe('/login');
  });

  it('waits while the session is being checked or could not be', () => {
    expect(redirectFor(at('/p/abc'), 'loading')).toBeNull();
    expect(redirectFor(at('/p/abc'), 'error')).toBeNull();
  });

  it('sends someone already logged in from the login page to where they were going', () => {
    expect(redirectFor(at('/login?next=%2Fjoin%2Ftok'), 'signed-in')).toBe('/join/tok');
    expect(redirectFor(at('/signup'), 'signed-in')).toBe('/');
    expect(redirectFor(at('/login?next=https://evil.example'), 'signed-in')).toBe('/');
  });

  it('lets anyone read an invitation', () => {
    expect(redirectFor(at('/join/abc'), 'signed-out')).toBeNull();
    expect(redirectFor(at('/join/abc'), 'signed-in')).toBeNull();
  });

  it('lets members see member pages and visitors the login page', () => {
    expect(redirectFor(at('/d/x'), 'signed-in')).toBeNull();
    expect(redirectFor(at('/login'), 'signed-out')).toBeNull();
  });
});

describe('invitationTokenOf', () => {
  it('finds the token of a /join page', () => {
    const token = 'a'.repeat(32);
    expect(invitationTokenOf(`/join/${token}`)).toBe(token);
    expect(invitationTokenOf(`/join/${token}?x=1`)).toBe(token);
    expect(invitationTokenOf('/p/abc')).toBeNull();
    expect(invitationTokenOf('/join/short')).toBeNull();
  });
});
