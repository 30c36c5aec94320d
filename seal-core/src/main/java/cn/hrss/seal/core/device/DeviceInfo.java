package cn.hrss.seal.core.device;

/** Subset of GM/T 0018 DEVICEINFO that the system reports and logs. */
public record DeviceInfo(String issuerName, String deviceName, String deviceSerial, long deviceVersion,
                         long standardVersion) {
}
