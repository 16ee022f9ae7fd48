/**
 * Plain values that flow between the stages of newsgraph: the {@link org.newsgraph.model.Article}
 * that a reader produces, and the {@link org.newsgraph.model.ArticleGraph} (entities, mentions,
 * relations) that extraction produces from it. This package depends on no library.
 *
 * <p>All character offsets in this package are UTF-16 code-unit indices into {@link
 * org.newsgraph.model.Article#text()}, begin inclusive and end exclusive, as {@link
 * String#substring(int, int)} takes them.
 */
package org.newsgraph.model;
