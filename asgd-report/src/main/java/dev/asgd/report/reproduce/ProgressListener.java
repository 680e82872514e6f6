package dev.asgd.report.reproduce;

/** Told how far each experiment has come; the command line shows it as a progress bar. */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void begin(String title, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void end() {
        }
    };

    /**
     * @param title the experiment's title
     * @param total its units of work
     */
    void begin(String title, long total);

    /** @param done units done so far */
    void advance(long done);

    /** The experiment is finished. */
    void end();
}
