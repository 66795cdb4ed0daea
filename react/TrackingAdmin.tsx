export { default } from './admin/TrackingAdmin'
