package cn.hrss.seal.cli;

import cn.hrss.seal.core.error.SealException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code seal}: sign and verify with an exported seal package, no server needed. */
@Command(name = "seal", mixinStandardHelpOptions = true, version = "seal 0.1.0",
        description = "Signs and verifies PDF, OFD and data with a seal from an exported seal package.",
        subcommands = {SignCommand.class, VerifyCommand.class, PackageCommand.class, AccessTestCommand.class})
public final class SealCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (exit codes, error handling); tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SealCli());
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE
                : ExitCodes.BAD_INPUT);
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.setExecutionExceptionHandler(SealCli::failed);
        return cli;
    }

    /** Bad input and refused operations become one line on stderr; only real bugs keep their stack trace. */
    private static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException) {
            err.println("seal: " + e.getMessage());
            cli.usage(err);
            return ExitCodes.USAGE;
        }
        if (e instanceof BadInputException) {
            err.println("seal: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof SealException s) {
            err.println("seal: " + s.code() + ": " + s.getMessage());
            return s.httpStatus() >= 500 ? ExitCodes.UNAVAILABLE : ExitCodes.BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("seal: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("seal: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
