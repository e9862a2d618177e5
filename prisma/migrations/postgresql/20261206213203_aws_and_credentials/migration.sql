-- CreateTable
CREATE TABLE "AwsProvider" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "partition" TEXT NOT NULL DEFAULT 'aws',
    "arn" TEXT NOT NULL,
    "issuerUrl" TEXT NOT NULL,
    "audiences" TEXT NOT NULL,
    "thumbprints" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "lastApply" TEXT,
    "lastVerification" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AwsProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwsRole" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "partition" TEXT NOT NULL DEFAULT 'aws',
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "maxSessionDuration" INTEGER NOT NULL DEFAULT 3600,
    "trustPolicy" TEXT NOT NULL,
    "builder" TEXT,
    "trustPolicyId" TEXT,
    "managedPolicyArns" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "lastApply" TEXT,
    "lastVerification" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AwsRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentCredential" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "projectId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "durationSeconds" INTEGER NOT NULL DEFAULT 3600,
    "audience" TEXT NOT NULL DEFAULT 'sts.amazonaws.com',
    "region" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DeploymentCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnvironmentOverride" (
    "environmentId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "roleArn" TEXT NOT NULL,
    "durationSeconds" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "EnvironmentOverride_pkey" PRIMARY KEY ("environmentId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AwsProvider_orgId_accountId_key" ON "AwsProvider"("orgId", "accountId");

-- CreateIndex
CREATE INDEX "AwsRole_orgId_arn_idx" ON "AwsRole"("orgId", "arn");

-- CreateIndex
CREATE UNIQUE INDEX "AwsRole_orgId_accountId_nameKey_key" ON "AwsRole"("orgId", "accountId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentCredential_orgId_scopeKey_key" ON "DeploymentCredential"("orgId", "scopeKey");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentCredential_orgId_name_key" ON "DeploymentCredential"("orgId", "name");

-- CreateIndex
CREATE INDEX "EnvironmentOverride_orgId_idx" ON "EnvironmentOverride"("orgId");

-- AddForeignKey
ALTER TABLE "AwsProvider" ADD CONSTRAINT "AwsProvider_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsRole" ADD CONSTRAINT "AwsRole_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwsRole" ADD CONSTRAINT "AwsRole_trustPolicyId_fkey" FOREIGN KEY ("trustPolicyId") REFERENCES "TrustPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentCredential" ADD CONSTRAINT "DeploymentCredential_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentCredential" ADD CONSTRAINT "DeploymentCredential_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentOverride" ADD CONSTRAINT "EnvironmentOverride_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvironmentOverride" ADD CONSTRAINT "EnvironmentOverride_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
