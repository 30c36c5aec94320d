package cn.hrss.seal.application.sign;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.error.SealException;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTimeStampSourceTest {
    @TempDir
    Path dir;
    private SoftCipherDevice device;
    private HttpServer server;
    private TimeStampResponseGenerator responses;
    /** What the server does with a request; default: answer it. */
    private final AtomicReference<String> mode = new AtomicReference<>("grant");
    private final AtomicReference<String> contentType = new AtomicReference<>();

    @BeforeEach
    void tsa() throws Exception {
        device = new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "pw".toCharArray());
        KeyRef key = device.generateKeyPair("tsa");
        X500Name name = new X500Name("CN=Test TSA");
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(9))),
                name, device.exportSignPublicKey(key).toSubjectPublicKeyInfo());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509CertificateHolder certificate = builder.build(DeviceContentSigner.create(device, key));
        var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new SignerInfoGeneratorBuilder(digests)
                .build(DeviceContentSigner.create(device, key), certificate),
                digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)), new ASN1ObjectIdentifier("1.2.3.4"));
        responses = new TimeStampResponseGenerator(tokens, Set.of(GMObjectIdentifiers.sm3, TSPAlgorithms.SHA256));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca/tsa", exchange -> {
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] body;
            int status = 200;
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                body = switch (mode.get()) {
                    case "grant" -> responses.generate(request, BigInteger.TEN, new Date()).getEncoded();
                    case "reject" -> responses.generateRejectedResponse(new Exception("policy")).getEncoded();
                    case "other" -> responses.generate(new TimeStampRequestGenerator()
                            .generate(GMObjectIdentifiers.sm3, new byte[32]), BigInteger.TEN, new Date()).getEncoded();
                    default -> {
                        status = 500;
                        yield new byte[0];
                    }
                };
            } catch (Exception e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        device.close();
    }

    private HttpTimeStampSource source() {
        return new HttpTimeStampSource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca/tsa"),
                Duration.ofSeconds(5));
    }

    @Test
    void grantedTokenCarriesTheSm3Imprint() throws Exception {
        byte[] imprint = Sm3.hash(new byte[] {1, 2, 3});

        TimeStampToken token = new TimeStampToken(new CMSSignedData(source().timeStamp(imprint)));

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(contentType.get()).isEqualTo("application/timestamp-query");
    }

    @Test
    void refusalMismatchAndServerErrorsHaveStableCodes() {
        byte[] imprint = Sm3.hash(new byte[] {1});
        mode.set("reject");
        assertCode(imprint, TimeStampSource.REJECTED);
        mode.set("other");
        assertCode(imprint, TimeStampSource.REJECTED);
        mode.set("fail");
        assertCode(imprint, TimeStampSource.UNAVAILABLE);
        server.stop(0);
        assertCode(imprint, TimeStampSource.UNAVAILABLE);
    }

    private void assertCode(byte[] imprint, String code) {
        assertThatThrownBy(() -> source().timeStamp(imprint)).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
