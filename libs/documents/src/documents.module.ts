import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DocumentEntity } from './document.entity.js';
import { DocumentsService } from './documents.service.js';
import { DocumentOrphanSweeper } from './orphan-sweeper.js';
import { DOCUMENT_STORAGE } from './storage/document-storage.js';
import { LocalFolderDocumentStorage } from './storage/local-folder.storage.js';
import { S3DocumentStorage } from './storage/s3.storage.js';
import { UnreferencedDocumentKeyEntity } from './unreferenced-document-key.entity.js';

/** Entities of this library, for data sources built outside Nest (scripts, tests). */
export const DOCUMENT_ENTITIES = [DocumentEntity, UnreferencedDocumentKeyEntity];

/** Provides DocumentsService, DocumentOrphanSweeper and DOCUMENT_STORAGE (a local folder, DOCUMENTS_DIR, or S3 with DOCUMENTS_STORAGE=s3); needs ConfigModule and PersistenceModule. */
@Module({
  imports: [TypeOrmModule.forFeature(DOCUMENT_ENTITIES)],
  providers: [
    {
      provide: DOCUMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.production.documents.storage === 's3' ? new S3DocumentStorage(config.production.documents) : new LocalFolderDocumentStorage(config.documentsDir),
    },
    DocumentsService,
    DocumentOrphanSweeper,
  ],
  exports: [DocumentsService, DocumentOrphanSweeper, DOCUMENT_STORAGE],
})
export class DocumentsModule {}
