// Front matter checked against the JSON Schemas in schemas/ (generated from the content models by
// `make schemas`), while typing in VS Code (extension unifiedjs.vscode-remark) and in the tests.
// Only content/ is checked; the build's own validation (Dutch messages, vocabularies) stays the
// authority, this is early feedback in the editor.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [
      remarkLintFrontmatterSchema,
      {
        schemas: {
          './schemas/news.json': ['content/news/**/*.md'],
          './schemas/faq.json': ['content/faq/**/*.md'],
          './schemas/evenement.json': ['content/agenda/**/*.md'],
        },
      },
    ],
  ],
};
