/**
 * The errata of docs/theory.md as a study: every place where the printed paper disagrees with the
 * computation, each erratum a typed record named after it ({@link dev.asgd.theory.errata.Errata}),
 * each computed by a method of {@link dev.asgd.theory.errata.ErrataStudy} of the same name.
 */
package dev.asgd.theory.errata;
