/**
 * The Java code of README.md and docs/*.md, compiled and (the quick start, the tests) run by the
 * build. A region between {@code // @snippet name} and {@code // @end} lines is the text of the
 * {@code ```java} block that follows {@code <!-- snippet: name -->} in a document;
 * {@code ReadmeSnippetsTest} fails when they differ. Change the code here, then copy the region into
 * the document (or run the test with {@code -Dsnippets.update=true} to rewrite the documents' blocks).
 */
package io.dynamapper.examples.readme;
