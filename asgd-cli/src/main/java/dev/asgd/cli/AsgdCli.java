package dev.asgd.cli;

import dev.asgd.core.InvalidParameterException;
import dev.asgd.core.NumericalDivergenceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the runnable jar. It only wires the commands, the error handlers and the exit
 * codes ({@link ExitCode}); it is the one class that calls {@link System#exit(int)}.
 */
public final class AsgdCli {
    /** Set to 1 to see stack traces of unexpected errors. */
    static final String DEBUG_ENV = "ASGD_DEBUG";

    private AsgdCli() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        if (trainsInThreads(args)) {
            // the JIT compiles the training path on the other core while the command line is parsed
            // and the data read: the first real updates run compiled code
            dev.asgd.training.engine.Rehearsal.start();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Whether a command line trains in this JVM's threads: train or tune, not on Spark. */
    static boolean trainsInThreads(String[] args) {
        if (args.length == 0 || !(args[0].equals("train") || args[0].equals("tune"))) {
            return false;
        }
        for (String a : args) {
            if (a.equals("spark") || a.equals("--engine=spark") || a.equals("-h") || a.equals("--help")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs one command line without exiting the JVM (used by the tests).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // A safety net: sizes are checked before allocating (dev.asgd.core.Limits).
            err.println("asgd: out of memory with the " + dev.asgd.core.Limits.heap()
                    + " heap (raise -Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx8g, or ask for less)");
            code = ExitCode.FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** @return the configured command tree */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AsgdCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(AsgdCli::onParameterError);
        cl.setExecutionExceptionHandler(AsgdCli::onExecutionError);
        CommandLine.ITypeConverter<Double> number = AsgdCli::number;
        cl.registerConverter(Double.class, number);
        cl.registerConverter(Double.TYPE, number);
        return cl;
    }

    /** Every numeric flag: a number, never NaN (absent = not given). */
    static Double number(String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a double");
        }
        if (Double.isNaN(v)) {
            throw new CommandLine.TypeConversionException("'" + text + "': allowed a number, not NaN");
        }
        return v;
    }

    private static int onParameterError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return ExitCode.INVALID_INPUT;
    }

    private static int onExecutionError(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        int code;
        if (e instanceof InvalidParameterException ipe) {
            err.println(name + ": invalid " + optionName(cl.getCommandSpec(), ipe.parameter()) + " = "
                    + ipe.value() + ": allowed " + ipe.allowed());
            code = ExitCode.INVALID_INPUT;
        } else if (e instanceof NumericalDivergenceException nde) {
            err.println(name + ": " + oneLine(nde.getMessage()));
            code = ExitCode.DIVERGED;
        } else {
            err.println(name + ": error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
                    + " (set " + DEBUG_ENV + "=1 for a stack trace)");
            if ("1".equals(System.getenv(DEBUG_ENV))) {
                e.printStackTrace(err);
            }
            code = ExitCode.FAILURE;
        }
        err.flush();
        return code;
    }

    /** The option's name when the command has an option of that name, else the parameter as is. */
    static String optionName(CommandSpec spec, String parameter) {
        String option = "--" + parameter;
        return spec.findOption(option) != null ? option : parameter;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
