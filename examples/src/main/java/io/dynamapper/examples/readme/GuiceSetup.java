package io.dynamapper.examples.readme;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.guice.DynamapperModule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's Guice injector. */
final class GuiceSetup {
    private GuiceSetup() {
    }

    static MapService mapService(DynamoDbClient dynamoDbClient) {
        // @snippet guice-injector
        Injector injector = Guice.createInjector(new DynamapperModule(dynamoDbClient));
        // or DynamapperModule.builder().client(c).retryPolicy(p).sessionOptions(o).build()
        MapService maps = injector.getInstance(MapService.class);
        // @end
        return maps;
    }
}
