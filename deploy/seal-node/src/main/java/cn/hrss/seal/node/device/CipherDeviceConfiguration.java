package cn.hrss.seal.node.device;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.sdf.SdfCipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.node.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.security.SecureRandom;

/** The node's single {@link CipherDevice}, chosen by {@code seal.device.type}. */
@Configuration(proxyBeanMethods = false)
class CipherDeviceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CipherDeviceConfiguration.class);
    static final String PRODUCTION = "production";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CipherDevice cipherDevice(DeviceProperties device, NodeProperties node, Environment environment) {
        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION));
        return switch (device.type()) {
            case SOFT -> soft(device, node, production);
            case SDF -> sdf(device);
        };
    }

    private static CipherDevice sdf(DeviceProperties device) {
        CipherDevice sdf = SdfCipherDevice.open(device.sdf());
        log.info("cipher device: GM/T 0018 library {} ({})", device.sdf().library(), sdf.info().deviceName());
        return sdf;
    }

    private static CipherDevice soft(DeviceProperties device, NodeProperties node, boolean production) {
        if (production) {
            if (!device.allowSoftInProduction()) {
                throw new IllegalStateException("the production profile refuses the soft cipher device: configure"
                        + " seal.device.type=sdf, or set seal.device.allow-soft-in-production=true to accept"
                        + " software keys explicitly");
            }
            log.warn("PRODUCTION ON THE SOFT CIPHER DEVICE: seal.device.allow-soft-in-production=true. Private keys"
                    + " are protected only by SEAL_MASTER_KEY and file permissions, not by a cipher machine.");
        }
        SoftDeviceSecrets secrets = new SoftDeviceSecrets(node.dataDir().resolve("keys"), new SecureRandom());
        return SoftCipherDevice.create(secrets.resolve(device.soft(), production));
    }
}
