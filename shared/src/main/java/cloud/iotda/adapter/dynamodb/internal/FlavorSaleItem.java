package cloud.iotda.adapter.dynamodb.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The operator's sale setting of one flavor: all of them under one partition, read with one Query. */
@DynamoDbBean
public class FlavorSaleItem extends TableRow {
    private String status;

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
