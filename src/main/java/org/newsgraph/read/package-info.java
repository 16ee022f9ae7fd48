/**
 * Reading articles from files: plain text ({@code .txt}), web pages ({@code .html}, {@code .htm})
 * and JSON Lines ({@code .jsonl}) become {@link org.newsgraph.model.Article} values. {@link
 * org.newsgraph.read.ArticleReader} is the entry point; anything it cannot read is reported as a
 * {@link org.newsgraph.read.ReadProblem} and skipped, so one bad file never stops a run.
 *
 * <p>All input is decoded as UTF-8, a leading byte-order mark is dropped and line endings become
 * {@code \n} before parsing.
 */
package org.newsgraph.read;
