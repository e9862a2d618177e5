-- AlterTable
ALTER TABLE "TrustPolicy" ADD COLUMN "builder" TEXT;
