import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ADMIN_CSS } from './admin-css.js';

/** The pages' stylesheet (the CSP allows styles from this origin only, none inline). */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get('admin.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  css(): string {
    return ADMIN_CSS;
  }
}
