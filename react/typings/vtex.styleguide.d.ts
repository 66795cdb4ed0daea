// vtex.styleguide ships no typings; these are the components this page uses.
declare module 'vtex.styleguide' {
  import { ComponentType } from 'react'

  export const Alert: ComponentType<any>
  export const Button: ComponentType<any>
  export const Card: ComponentType<any>
  export const Dropdown: ComponentType<any>
  export const EmptyState: ComponentType<any>
  export const Input: ComponentType<any>
  export const Layout: ComponentType<any>
  export const ModalDialog: ComponentType<any>
  export const PageBlock: ComponentType<any>
  export const PageHeader: ComponentType<any>
  export const Spinner: ComponentType<any>
  export const Tag: ComponentType<any>
  export const Textarea: ComponentType<any>
}
