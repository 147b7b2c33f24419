//! Non-recursive walks over the crate's AST.
//!
//! Left-associative chains (`a.b.c…`, `a || b || …`) give ASTs as deep as the expression is
//! long (up to ~2,000 levels inside the length limit) even though the parser does not recurse
//! on them, so every walk here keeps its own stack instead of using the call stack.

use jmespath::ast::Ast;

/// Calls `f` on each direct child of `node`, left to right.
pub(crate) fn for_each_child<'a>(node: &'a Ast, mut f: impl FnMut(&'a Ast)) {
    match node {
        Ast::Comparison { lhs, rhs, .. }
        | Ast::Projection { lhs, rhs, .. }
        | Ast::And { lhs, rhs, .. }
        | Ast::Or { lhs, rhs, .. }
        | Ast::Subexpr { lhs, rhs, .. } => {
            f(lhs);
            f(rhs);
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            f(predicate);
            f(then);
        }
        Ast::Expref { ast, .. } => f(ast),
        Ast::Flatten { node, .. } | Ast::Not { node, .. } | Ast::ObjectValues { node, .. } => {
            f(node)
        }
        Ast::Function { args, .. } => args.iter().for_each(f),
        Ast::MultiList { elements, .. } => elements.iter().for_each(f),
        Ast::MultiHash { elements, .. } => elements.iter().for_each(|kv| f(&kv.value)),
        Ast::Identity { .. }
        | Ast::Field { .. }
        | Ast::Index { .. }
        | Ast::Literal { .. }
        | Ast::Slice { .. } => {}
    }
}

/// Every node of the tree, parents before children.
pub(crate) fn nodes(root: &Ast) -> Vec<&Ast> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        out.push(node);
        let start = stack.len();
        for_each_child(node, |c| stack.push(c));
        // Keep left-to-right order when popping.
        if let Some(children) = stack.get_mut(start..) {
            children.reverse();
        }
    }
    out
}

/// The number of nodes on the longest root-to-leaf path.
pub(crate) fn depth(root: &Ast) -> usize {
    let mut max = 0;
    let mut stack = vec![(root, 1usize)];
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        for_each_child(node, |c| stack.push((c, d + 1)));
    }
    max
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_left_deep_chains() {
        let ast = jmespath::parse(&format!("a{}", ".b".repeat(500))).unwrap();
        assert_eq!(depth(&ast), 501);
        assert_eq!(nodes(&ast).len(), 1001);
    }

    #[test]
    fn nodes_are_in_source_order() {
        let ast = jmespath::parse("f(a, b)").unwrap();
        let names: Vec<String> = nodes(&ast)
            .iter()
            .filter_map(|n| match n {
                Ast::Field { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["a", "b"]);
    }
}
