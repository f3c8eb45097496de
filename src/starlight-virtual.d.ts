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
