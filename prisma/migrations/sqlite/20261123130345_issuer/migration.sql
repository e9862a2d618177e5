-- CreateTable
CREATE TABLE "IssuerSettings" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "algorithm" TEXT NOT NULL DEFAULT 'ES256',
    "tokenLifetimeSeconds" INTEGER NOT NULL DEFAULT 600,
    "audiences" TEXT NOT NULL,
    "subjectTemplate" TEXT NOT NULL,
    "sessionTags" BOOLEAN NOT NULL DEFAULT false,
    "rotationPeriodDays" INTEGER NOT NULL DEFAULT 90,
    "rotationLeadHours" INTEGER NOT NULL DEFAULT 24,
    "keysVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IssuerSettings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "encryptedPrivateKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatesAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "removalReason" TEXT,
    CONSTRAINT "SigningKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_kid_key" ON "SigningKey"("kid");

-- CreateIndex
CREATE INDEX "SigningKey_orgId_activatesAt_idx" ON "SigningKey"("orgId", "activatesAt");
