package cloud.iotda.adapter.dynamodb.internal;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The settings of one access type of an enterprise instance. */
@DynamoDbBean
public class AccessItem {
    private String type;
    private String domainName;
    private Boolean whitelistEnabled;
    private List<AllowedAddressItem> allowedAddresses;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public Boolean getWhitelistEnabled() {
        return whitelistEnabled;
    }

    public void setWhitelistEnabled(Boolean whitelistEnabled) {
        this.whitelistEnabled = whitelistEnabled;
    }

    public List<AllowedAddressItem> getAllowedAddresses() {
        return allowedAddresses;
    }

    public void setAllowedAddresses(List<AllowedAddressItem> allowedAddresses) {
        this.allowedAddresses = allowedAddresses;
    }
}
