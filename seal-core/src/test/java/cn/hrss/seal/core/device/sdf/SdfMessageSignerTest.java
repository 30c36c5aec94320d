package cn.hrss.seal.core.device.sdf;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.message.MessageSignerDeviceContract;

/** Message signing with the system key in the GM/T 0018 test library. */
class SdfMessageSignerTest extends MessageSignerDeviceContract {
    @Override
    protected CipherDevice openDevice() {
        return SdfTestLibrary.open();
    }
}
