import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { AppShell } from './components/app-shell';
import { JoinPage } from './pages/join';
import { LoginPage } from './pages/login';
import { ProfilePage } from './pages/profile';
import { ProjectPage } from './pages/project';
import { ProjectsPage } from './pages/projects';
import { SearchPage } from './pages/search';
import { SignUpPage } from './pages/signup';
import { UnknownPage } from './pages/unknown';
import { WorkshopJoinPage } from './pages/workshop-join';
import { AppProvider } from './stores/app-context';
import './styles.css';

// The editor and Yjs are most of the weight: a phone on a slow link gets
// the projects first and fetches them only to open a document.
const DocumentPage = lazy(() => import('./pages/document').then((module) => ({ default: module.DocumentPage })));

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

render(
  () => (
    <AppProvider>
      <Router root={AppShell}>
        <Route path="/" component={ProjectsPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/signup" component={SignUpPage} />
        <Route path="/join/:token" component={JoinPage} />
        <Route path="/w/join/:code?" component={WorkshopJoinPage} />
        <Route path="/p/:projectId" component={ProjectPage} />
        <Route path="/d/:id" component={DocumentPage} />
        <Route path="/profile" component={ProfilePage} />
        <Route path="/search" component={SearchPage} />
        <Route path="*" component={UnknownPage} />
      </Router>
    </AppProvider>
  ),
  root,
);
