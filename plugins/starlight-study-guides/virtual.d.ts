// Starlight's virtual modules that our Search override reads, as Starlight's own Search does.
declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
declare module 'virtual:starlight/components/MobileMenuFooter' {
  const MobileMenuFooter: (props: Record<string, never>) => unknown;
  export default MobileMenuFooter;
}

// The guides' sidebars, from the study-guides plugin (plugins/starlight-study-guides/index.ts).
declare module 'virtual:study-guides/sidebars' {
  const sidebars: import('./utils/guide-sidebar').GuideSidebarItem[];
  export default sidebars;
  /** Guide slug → title, for the search filter. */
  export const guideTitles: Record<string, string>;
}
