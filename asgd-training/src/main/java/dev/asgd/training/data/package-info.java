/**
 * Training data: dense and sparse datasets, the readers of LIBSVM, CSV and IDX (Fashion-MNIST)
 * files, synthetic problems with a known optimum, and the train/test split. Malformed files are
 * rejected with {@code file:line} messages as {@link dev.asgd.core.InvalidParameterException}s
 * naming the {@code data} parameter. Fashion-MNIST: Xiao, Rasul and Vollgraf (2017), read from the
 * IDX files of the Debian package {@code dataset-fashion-mnist}.
 */
package dev.asgd.training.data;
