package dev.asgd.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.Success$;

/** Counts the task attempts that did not succeed (each one Spark retried or gave up on). */
final class TaskFailureCounter extends SparkListener {
    private final AtomicLong failed = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() != Success$.MODULE$) {
            failed.incrementAndGet();
        }
    }

    long failed() {
        return failed.get();
    }
}
