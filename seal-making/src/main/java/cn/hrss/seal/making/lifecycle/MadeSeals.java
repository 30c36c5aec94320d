package cn.hrss.seal.making.lifecycle;

import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.making.api.SigningSeal;
import cn.hrss.seal.making.api.SigningSeals;
import cn.hrss.seal.making.persistence.SealMapper;
import cn.hrss.seal.making.persistence.SealRow;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** {@link SigningSeals} over the making tables. */
@Service
class MadeSeals implements SigningSeals {
    private final SealMapper seals;

    MadeSeals(SealMapper seals) {
        this.seals = seals;
    }

    @Override
    public Optional<SigningSeal> find(String esId) {
        if (esId == null || esId.isBlank()) {
            return Optional.empty();
        }
        SealRow row = seals.selectOne(new QueryWrapper<SealRow>().eq("es_id", esId));
        if (row == null || row.getSesSeal() == null) {
            return Optional.empty();
        }
        Optional<KeyRef> key = row.getKeyLabel() == null || row.getKeyIndex() == null
                ? Optional.empty()
                : Optional.of(new KeyRef(row.getKeyIndex(), row.getKeyLabel()));
        return Optional.of(new SigningSeal(row.getEsId(), row.getSealName(), row.getSealType(), row.getUnitName(),
                row.getUnitCreditCode(), row.getUnitRegionCode(), row.getScope(), row.getStatus(),
                row.getDelivery(), key, row.getCertificate(), row.getSesSeal(), row.getValidFrom().toInstant(),
                row.getValidTo().toInstant()));
    }
}
