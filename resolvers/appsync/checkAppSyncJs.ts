import type TypeScript from 'typescript';

/**
 * Finds JavaScript that AppSync refuses in an APPSYNC_JS resolver, so a file that runs locally also deploys:
 * the statements and operators the "Supported runtime features" page lists as unsupported, and the base
 * rules of @aws-appsync/eslint-plugin (no async/await/promises, classes, generators, `this`, regex literals,
 * `instanceof`). Run on the bundle AppSync would receive, so positions are the bundle's (line:column) and each
 * message quotes the code it refers to.
 */
export async function checkAppSyncJs(code: string, fileName = 'resolver.js'): Promise<string[]> {
  const ts = (await import('typescript')).default;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const violations: string[] = [];
  const visit = (node: TypeScript.Node): void => {
    const problem = unsupported(ts, node);
    if (problem) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
      const excerpt = node.getText(source).replace(/\s+/g, ' ').slice(0, 40);
      violations.push(`${line + 1}:${character + 1} ${problem} is not supported by APPSYNC_JS: ${excerpt}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return violations;
}

const UNSUPPORTED_UNARY = ['++', '--', '~'];

function unsupported(ts: typeof TypeScript, node: TypeScript.Node): string | undefined {
  const K = ts.SyntaxKind;
  switch (node.kind) {
    case K.TryStatement:
      return 'try/catch/finally';
    case K.ThrowStatement:
      return 'throw (use util.error)';
    case K.WhileStatement:
      return 'while';
    case K.DoStatement:
      return 'do-while';
    case K.ForStatement:
      return 'for(;;) (use for-of or for-in)';
    case K.ContinueStatement:
      return 'continue';
    case K.LabeledStatement:
      return 'a labeled statement';
    case K.ClassDeclaration:
    case K.ClassExpression:
      return 'a class';
    case K.AwaitExpression:
      return 'await';
    case K.YieldExpression:
      return 'yield';
    case K.ThisKeyword:
      return 'this';
    case K.RegularExpressionLiteral:
      return 'a regular expression literal';
    case K.AsyncKeyword:
      return 'async';
  }
  if (
    (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    UNSUPPORTED_UNARY.includes(ts.tokenToString(node.operator) ?? '')
  ) {
    return `the ${ts.tokenToString(node.operator)} operator`;
  }
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === K.InKeyword || node.operatorToken.kind === K.InstanceOfKeyword)
  ) {
    return `the ${node.operatorToken.getText()} operator (use Object.hasOwn)`;
  }
  if (
    (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) &&
    node.asteriskToken
  ) {
    return 'a generator';
  }
  if (ts.isIdentifier(node) && node.text === 'Promise') return 'Promise';
  return undefined;
}
