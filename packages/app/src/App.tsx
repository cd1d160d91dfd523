import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';

// As create-app's default template: every frontend plugin listed in this
// package's dependencies, Domain Atlas included, is discovered through
// `app.packages: all` in app-config.yaml; only the app's own modules are
// listed here.
export default createApp({
  features: [navModule],
});
