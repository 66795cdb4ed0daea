// vtex.styleguide ships no typings; these are the components this page uses.
declare module 'vtex.styleguide' {
  import { ComponentType } from 'react'

  export const Alert: ComponentType<any>
  export const Button: ComponentType<any>
  export const Checkbox: ComponentType<any>
  // Table v2: a plain <table>, only the rows it is given (the queue gives it one page).
  export const EXPERIMENTAL_Table: ComponentType<any>
  export function EXPERIMENTAL_useTableMeasures(options: { size: number; density?: 'compact' | 'regular' | 'comfortable' }): any
  export const Card: ComponentType<any>
  export const Dropdown: ComponentType<any>
  export const EmptyState: ComponentType<any>
  export const Input: ComponentType<any>
  export const Layout: ComponentType<any>
  export const ModalDialog: ComponentType<any>
  export const PageBlock: ComponentType<any>
  export const PageHeader: ComponentType<any>
  export const Spinner: ComponentType<any>
  export const Tab: ComponentType<any>
  export const Tabs: ComponentType<any>
  export const Textarea: ComponentType<any>
}
