export { default } from './admin/integrations/IntegrationsPage'
