package cn.hrss.seal.cli;

import cn.hrss.seal.application.ofd.OfdSigner;
import cn.hrss.seal.application.pdf.PdfSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code seal sign pdf|ofd|data}: signs with the seal of a package, opened with the holder key. */
@Command(name = "sign", description = "Signs a PDF, an OFD or data with the seal of a seal package.",
        mixinStandardHelpOptions = true,
        subcommands = {SignCommand.Pdf.class, SignCommand.Ofd.class, SignCommand.Data.class})
final class SignCommand {

    @Command(name = "pdf", description = "Signs a PDF (PAdES-style CMS, SM2/SM3) and places the seal picture.",
            mixinStandardHelpOptions = true)
    static final class Pdf implements Callable<Integer> {
        @Mixin SigningOptions options;
        @Mixin PlacementOptions placement;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            byte[] pdf = options.readInput();
            try (UnlockedSeal seal = options.unlock()) {
                byte[] signed = new PdfSigner(options.timeStamps()).sign(pdf, seal.signingKey(), placement.pdf());
                options.writeOutput(signed);
                spec.commandLine().getOut().println("signed " + options.input + " with seal "
                        + seal.signingKey().sealView().esId() + " -> " + options.out);
            }
            return ExitCodes.PASSED;
        }
    }

    @Command(name = "ofd", description = "Signs an OFD (GB/T 33190 signature with a GB/T 38540 SES_Signature).",
            mixinStandardHelpOptions = true)
    static final class Ofd implements Callable<Integer> {
        @Mixin SigningOptions options;
        @Mixin PlacementOptions placement;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            byte[] ofd = options.readInput();
            try (UnlockedSeal seal = options.unlock()) {
                byte[] signed = new OfdSigner().sign(ofd, seal.signingKey(), placement.ofd(),
                        Clock.systemUTC().instant(), options.timeStamps());
                options.writeOutput(signed);
                spec.commandLine().getOut().println("signed " + options.input + " with seal "
                        + seal.signingKey().sealView().esId() + " -> " + options.out);
            }
            return ExitCodes.PASSED;
        }
    }

    @Command(name = "data", description = "Signs data: writes a detached GB/T 38540 SES_Signature (DER).",
            mixinStandardHelpOptions = true)
    static final class Data implements Callable<Integer> {
        @Mixin SigningOptions options;
        @Option(names = "--property", paramLabel = "TEXT",
                description = "propertyInfo written into the signature (default: the input file name)")
        String property;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            byte[] data = options.readInput();
            try (UnlockedSeal seal = options.unlock()) {
                String propertyInfo = property != null ? property : options.input.getFileName().toString();
                byte[] signature = DataSealSigner.sign(data, seal.signingKey(), propertyInfo,
                        Clock.systemUTC().instant(), options.timeStamps());
                options.writeOutput(signature);
                spec.commandLine().getOut().println("signed " + options.input + " with seal "
                        + seal.signingKey().sealView().esId() + " -> " + options.out + " (SES_Signature)");
            }
            return ExitCodes.PASSED;
        }
    }
}
