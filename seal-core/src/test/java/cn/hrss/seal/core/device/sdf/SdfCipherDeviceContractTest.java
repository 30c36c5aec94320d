package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.CipherDeviceContract;

/** The device contract against the C test library through the JNA binding. */
class SdfCipherDeviceContractTest extends CipherDeviceContract {

    @Override
    protected CipherDevice openDevice() {
        return SdfTestLibrary.open();
    }

    @Override
    protected char[] generatedKeyPassword() {
        return SdfTestLibrary.PASSWORD.toCharArray();
    }
}
