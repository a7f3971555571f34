// `import x from "….wasm" with { type: "file" }` yields the file's path (a $bunfs path in the binary).
declare module "*.wasm" {
  const path: string;
  export default path;
}
