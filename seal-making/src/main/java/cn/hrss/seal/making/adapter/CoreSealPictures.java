package cn.hrss.seal.making.adapter;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.picture.PictureCheck;
import cn.hrss.seal.core.picture.PictureException;
import cn.hrss.seal.core.picture.PictureType;
import cn.hrss.seal.core.picture.SealDesign;
import cn.hrss.seal.core.picture.SealPictureRenderer;
import cn.hrss.seal.making.port.SealPictures;

/**
 * {@link SealPictures} over seal-core's renderer (1:1 round seal) and upload check. Uploads must be PNG, the
 * contract's format, although the check knows more types.
 */
public final class CoreSealPictures implements SealPictures {
    private final SealPictureRenderer renderer;
    private final PictureCheck check;

    public CoreSealPictures(SealPictureRenderer renderer, PictureCheck check) {
        this.renderer = renderer;
        this.check = check;
    }

    @Override
    public byte[] draw(String unitName, String sealName) {
        return renderer.render(SealDesign.of(unitName, sealName)).data();
    }

    @Override
    public byte[] checkUpload(byte[] png) {
        if (check.check(png).type() != PictureType.PNG) {
            throw SealException.badRequest(PictureException.UNSUPPORTED_TYPE, "the seal picture must be a PNG");
        }
        return png.clone();
    }
}
