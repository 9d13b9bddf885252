package cloud.iotda.adapter.dynamodb.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** One address of an access type's IP allow list. */
@DynamoDbBean
public class AllowedAddressItem {
    private String address;
    private String description;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
