package cn.hrss.seal.core.ses;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ofdrw-gm 2.3.3 with the BouncyCastle it was built for (copied to target/ofdrw-lib by the build), in a class loader
 * whose parent is the platform loader: it cannot see our BouncyCastle 1.87 and we cannot link against it, so it is
 * driven by reflection and only DER bytes and JDK types cross the boundary.
 */
final class IsolatedOfdrw implements AutoCloseable {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class);

    private final URLClassLoader loader;
    private final Provider bouncyCastle;

    private IsolatedOfdrw(URLClassLoader loader) {
        this.loader = loader;
        this.bouncyCastle = (Provider) construct("org.bouncycastle.jce.provider.BouncyCastleProvider");
    }

    static IsolatedOfdrw load() throws IOException {
        Path dir = Path.of(System.getProperty("ofdrw.lib", "target/ofdrw-lib"));
        URL[] jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().map(IsolatedOfdrw::url)
                    .toArray(URL[]::new);
        }
        return new IsolatedOfdrw(new URLClassLoader("ofdrw", jars, ClassLoader.getPlatformClassLoader()));
    }

    Class<?> type(String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    Provider bouncyCastle() {
        return bouncyCastle;
    }

    /** A BouncyCastle ASN.1 object of the isolated BC, e.g. {@code asn1("DERIA5String", "x")}. */
    Object asn1(String simpleName, Object... args) {
        return construct("org.bouncycastle.asn1." + simpleName, args);
    }

    Object construct(String className, Object... args) {
        Constructor<?> c = (Constructor<?>) pick(type(className).getConstructors(), null, args);
        return invoke(() -> c.newInstance(args));
    }

    Object call(Object target, String method, Object... args) {
        Method m = (Method) pick(target.getClass().getMethods(), method, args);
        return invoke(() -> m.invoke(target, args));
    }

    Object callStatic(String className, String method, Object... args) {
        Method m = (Method) pick(type(className).getMethods(), method, args);
        return invoke(() -> m.invoke(null, args));
    }

    /** A typed array of isolated objects, for varargs-style constructors. */
    Object array(String componentClass, Object... items) {
        Object array = Array.newInstance(type(componentClass), items.length);
        for (int i = 0; i < items.length; i++) {
            Array.set(array, i, items[i]);
        }
        return array;
    }

    /** DER of an isolated ASN1Object as ofdrw/BC 1.68 encode it. */
    byte[] der(Object asn1Object) {
        return (byte[]) call(asn1Object, "getEncoded", "DER");
    }

    /** SM3withSM2 (default user ID) verification with the isolated BouncyCastle's JCA. */
    boolean verifySm3WithSm2(byte[] certificate, byte[] data, byte[] signature) throws GeneralSecurityException {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509", bouncyCastle)
                .generateCertificate(new java.io.ByteArrayInputStream(certificate));
        Signature verifier = Signature.getInstance("SM3withSM2", bouncyCastle);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static Executable pick(Executable[] candidates, String name, Object[] args) {
        for (Executable e : candidates) {
            if ((name == null || e.getName().equals(name)) && e.getParameterCount() == args.length
                    && accepts(e.getParameterTypes(), args)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + (name == null ? "constructor" : name) + " for "
                + args.length + " arguments");
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i].isPrimitive() ? BOXES.get(types[i]) : types[i];
            if (args[i] == null ? types[i].isPrimitive() : t == null || !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object invoke(Invocation invocation) {
        try {
            return invocation.run();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ofdrw threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Invocation {
        Object run() throws ReflectiveOperationException;
    }
}
