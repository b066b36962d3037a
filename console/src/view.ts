/** One of the page's views: built once, shown and hidden by the router. */
export interface View {
  readonly element: HTMLElement;
  /** Called each time the view is shown, with the route's argument (a job id for #job/<id>). */
  show(argument?: string): void;
}
