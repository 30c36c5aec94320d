package cn.hrss.seal.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code seal package inspect}: what a seal package holds, and whether a holder key opens it. */
@Command(name = "package", mixinStandardHelpOptions = true, description = "Seal package tools.",
        subcommands = PackageCommand.Inspect.class)
final class PackageCommand {

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Checks a seal package and prints its seal, certificate and key envelope.")
    static final class Inspect implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "seal package")
        Path file;

        @Option(names = "--holder-key", paramLabel = "FILE", description = "also check that this key opens it")
        Path holderKey;

        @Option(names = "--holder-key-password", arity = "0..1", interactive = true, paramLabel = "PASSWORD",
                description = "password of an encrypted holder key")
        char[] holderKeyPassword;

        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            SealPackage p = SealPackage.read(file);
            PrintWriter out = spec.commandLine().getOut();
            SealPackage.Manifest m = p.manifest();
            out.println("format:      " + m.format());
            out.println("esId:        " + m.esId());
            out.println("seal:        " + m.sealName() + " (" + p.sealView().version() + ")");
            out.println("unit:        " + m.unitName());
            out.println("valid:       " + m.validFrom() + " .. " + m.validTo());
            out.println("certificate: " + p.certificate().getSubject() + " serial "
                    + p.certificate().getSerialNumber().toString(16));
            p.issuerChain().forEach(c -> out.println("issuer:      " + c.getSubject()));
            out.println("key:         enveloped (GM/T 0016 ENVELOPEDKEYBLOB), matches the certificate");
            if (holderKey != null) {
                char[] password = holderKeyPassword != null ? holderKeyPassword
                        : System.getenv(SigningOptions.PASSWORD_ENV) == null ? null
                        : System.getenv(SigningOptions.PASSWORD_ENV).toCharArray();
                try (UnlockedSeal ignored = UnlockedSeal.open(p, HolderKey.read(holderKey, password))) {
                    out.println("holder key:  opens the envelope");
                }
            }
            out.flush();
            return ExitCodes.PASSED;
        }
    }
}
