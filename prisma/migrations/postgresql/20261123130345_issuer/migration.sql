-- CreateTable
CREATE TABLE "IssuerSettings" (
    "orgId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL DEFAULT 'ES256',
    "tokenLifetimeSeconds" INTEGER NOT NULL DEFAULT 600,
    "audiences" TEXT NOT NULL,
    "subjectTemplate" TEXT NOT NULL,
    "sessionTags" BOOLEAN NOT NULL DEFAULT false,
    "rotationPeriodDays" INTEGER NOT NULL DEFAULT 90,
    "rotationLeadHours" INTEGER NOT NULL DEFAULT 24,
    "keysVersion" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssuerSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "encryptedPrivateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatesAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "removalReason" TEXT,

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_kid_key" ON "SigningKey"("kid");

-- CreateIndex
CREATE INDEX "SigningKey_orgId_activatesAt_idx" ON "SigningKey"("orgId", "activatesAt");

-- AddForeignKey
ALTER TABLE "IssuerSettings" ADD CONSTRAINT "IssuerSettings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SigningKey" ADD CONSTRAINT "SigningKey_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
