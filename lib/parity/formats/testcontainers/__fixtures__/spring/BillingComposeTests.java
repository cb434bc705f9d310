package com.acme.billing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = { "spring.docker.compose.skip.in-tests=false",
		"spring.docker.compose.start.arguments=--wait,db" })
class BillingComposeTests {

	@Test
	void chargesAnInvoice() {
	}

}
