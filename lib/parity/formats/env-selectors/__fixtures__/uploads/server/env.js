const { IsIn, IsOptional } = require("class-validator");

const environment = process.env;

export class Environment {
  @IsOptional()
  @IsIn(["local", "s3"])
  public UPLOAD_STORAGE_DRIVER = this.optional(environment.UPLOAD_STORAGE_DRIVER) ?? "s3";

  public UPLOAD_ROOT = this.optional(environment.UPLOAD_ROOT) ?? "/var/lib/uploads";

  private optional(value) {
    return value ? value : undefined;
  }
}
